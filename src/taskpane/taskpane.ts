/* The cohort task pane's entry point. */
export {};
