import { lineChartSvg, type SvgChart } from "../../src/playground/chart-svg";

const chart = (series: SvgChart["series"]): SvgChart => ({ title: "Retention % by offset", categories: ["0", "1", "2"], series, width: 480, height: 240, valueFormat: "0%" });

describe("lineChartSvg", () => {
  it("draws a path per series, named, and the average emphasised", () => {
    const svg = lineChartSvg(chart([{ name: "2024-01", values: [1, 0.5, 0.4] }, { name: "All cohorts", values: [1, 0.45, 0.3], emphasised: true }]));
    expect(svg.match(/<path class="series/g)).toHaveLength(2);
    expect(svg).toContain('class="series emphasised" data-name="All cohorts"');
    expect(svg).toContain("Retention % by offset");
  });

  it("breaks a line at a missing value", () => {
    const svg = lineChartSvg(chart([{ name: "2024-02", values: [1, null, 0.4] }]));
    const d = /data-name="2024-02" d="([^"]*)"/.exec(svg)?.[1] ?? "";
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d).not.toContain("L");
  });

  it("draws a projection dashed, in the line and in the legend", () => {
    const svg = lineChartSvg(chart([{ name: "All cohorts", values: [1, 0.45, 0.3], emphasised: true }, { name: "Projected (sBG)", values: [1, 0.46, 0.31], dashed: true }]));
    expect(svg).toMatch(/<path class="series" data-name="Projected \(sBG\)" d="[^"]*" fill="none" stroke="#7E57C2" stroke-width="2.25" stroke-dasharray="6 4"\/>/);
    expect(svg).toMatch(/<line [^>]*stroke="#7E57C2"[^>]*stroke-dasharray="4 3"\/>/);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(2);
  });
});
