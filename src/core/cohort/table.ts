/** A table exactly as an Excel function spills it: "" for blank cells, never null. */
export type Table = (string | number)[][];
