// RETAIN.* wrappers for the model area are added here (see functions.ts).
export {};
