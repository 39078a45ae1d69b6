import { civilFromDays, daysFromCivil, isoDate } from "../../../src/core/transactions/calendar";
import { dayToExcelSerial, excelSerialToDay } from "../../../src/core/transactions/excel-serial";

describe("calendar", () => {
  test("examples", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2024, 2, 29)).toBe(19782);
  });

  test("agrees with Date.UTC from 1600 to 2400", () => {
    for (let day = daysFromCivil(1600, 1, 1); day <= daysFromCivil(2400, 12, 31); day += 13) {
      const date = new Date(day * 86400000);
      expect(civilFromDays(day)).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
      expect(daysFromCivil(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(day);
    }
  });

  test("isoDate pads years and months", () => {
    expect(isoDate(0)).toBe("1970-01-01");
    expect(isoDate(daysFromCivil(987, 3, 4))).toBe("0987-03-04");
  });
});

describe("Excel serial dates (1900 system)", () => {
  test("examples", () => {
    expect(excelSerialToDay(45306)).toBe(19737);
    expect(excelSerialToDay(59)).toBe(-25509);
    expect(excelSerialToDay(60)).toBeUndefined();
  });

  test("serial 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01", () => {
    expect(isoDate(excelSerialToDay(1) as number)).toBe("1900-01-01");
    expect(isoDate(excelSerialToDay(59) as number)).toBe("1900-02-28");
    expect(isoDate(excelSerialToDay(61) as number)).toBe("1900-03-01");
    expect(isoDate(excelSerialToDay(25569) as number)).toBe("1970-01-01");
    expect(isoDate(excelSerialToDay(2958465) as number)).toBe("9999-12-31");
  });

  test("a fraction is a time of day and is dropped", () => {
    expect(excelSerialToDay(45306.99)).toBe(19737);
  });

  test("rejects serials that are no date", () => {
    for (const serial of [0, 0.5, -1, 60, 60.5, 2958466, NaN, Infinity]) expect(excelSerialToDay(serial)).toBeUndefined();
  });

  test("dayToExcelSerial inverts excelSerialToDay", () => {
    for (const serial of [1, 59, 61, 25569, 45306, 2958465]) expect(dayToExcelSerial(excelSerialToDay(serial) as number)).toBe(serial);
  });
});
