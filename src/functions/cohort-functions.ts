// RETAIN.* wrappers for the cohort area are added here (see functions.ts).
export {};
