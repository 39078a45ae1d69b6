/**
 * Excel's 1900 date system. Serial 1 is 1900-01-01 and serial 25569 is 1970-01-01,
 * but Excel (copying Lotus 1-2-3) counts a fictitious 1900-02-29 as serial 60, so
 * serials 1–59 sit one day later than a plain count suggests. Serial 60 names no
 * real day and is rejected. A fraction is a time of day and is dropped.
 */

/** The largest serial Excel shows as a date: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;

/** Serial of 1970-01-01, the day number 0. */
export const EXCEL_EPOCH_SERIAL = 25569;

/**
 * Day number (days since 1970-01-01) of an Excel serial date, or undefined for a
 * serial that is no date: below 1, above 9999-12-31, or Excel's fictitious 1900-02-29 (serial 60).
 *
 * @example
 * excelSerialToDay(45306); // => 19737
 * excelSerialToDay(59); // => -25509 (1900-02-28)
 * excelSerialToDay(60); // => undefined
 */
export function excelSerialToDay(serial: number): number | undefined {
  if (!(serial >= 1 && serial < MAX_EXCEL_SERIAL + 1)) return undefined;
  const whole = Math.floor(serial);
  if (whole === 60) return undefined;
  return whole < 60 ? whole - EXCEL_EPOCH_SERIAL + 1 : whole - EXCEL_EPOCH_SERIAL;
}

/** The Excel serial of a day number (1900 system). */
export function dayToExcelSerial(day: number): number {
  const serial = day + EXCEL_EPOCH_SERIAL;
  return serial <= 60 ? serial - 1 : serial;
}
