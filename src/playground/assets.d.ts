/** Text files the playground bundles as strings (webpack asset/source). */
declare module "*.csv" {
  const text: string;
  export default text;
}
