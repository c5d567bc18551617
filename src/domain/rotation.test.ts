import { describe, expect, it } from "vitest";
import { rotationStatus, termsFromAttendance, yearsBefore } from "./rotation.js";

const chair = (personId: number, person: string, municipality: string) => ({ personId, person, municipality });

describe("termsFromAttendance", () => {
  it("joins a person's run of meetings as chair into one term and ends it when someone else chairs", () => {
    const terms = termsFromAttendance([
      { date: "2020-01-10", chairs: [chair(1, "Ada", "Höganäs"), chair(2, "Bo", "Helsingborg")] },
      { date: "2019-09-06", chairs: [chair(1, "Ada", "Höganäs"), chair(3, "Cid", "Ängelholm")] },
      { date: "2020-02-07", chairs: [] },
      { date: "2020-03-06", chairs: [chair(1, "Ada", "Höganäs"), chair(2, "Bo", "Helsingborg")] },
      { date: "2021-08-27", chairs: [chair(4, "Dag", "Bjuv")] },
    ]);
    expect(terms).toEqual([
      { person: "Ada", municipality: "Höganäs", from: "2019-09-06", to: "2020-03-06", source: "attendance" },
      { person: "Cid", municipality: "Ängelholm", from: "2019-09-06", to: "2019-09-06", source: "attendance" },
      { person: "Bo", municipality: "Helsingborg", from: "2020-01-10", to: "2020-03-06", source: "attendance" },
      { person: "Dag", municipality: "Bjuv", from: "2021-08-27", to: "2021-08-27", source: "attendance" },
    ]);
  });
});

describe("rotationStatus", () => {
  const members = ["Bjuv", "Båstad", "Höganäs", "Klippan"];

  it("names the municipalities that have not chaired within the window, in a sentence", () => {
    const status = rotationStatus({
      terms: [
        { person: "Ada", municipality: "Höganäs", from: "2019-09-06", to: "2020-03-06", source: "attendance" },
        { person: "Dag", municipality: "Bjuv", from: null, to: null, source: "membership" },
        { person: "Eva", municipality: "Klippan", from: "2015-01-01", to: "2018-08-26", source: "membership" },
      ],
      municipalities: members,
      asOf: "2021-08-27",
      years: 3,
    });
    expect(status.since).toBe("2018-08-27");
    expect(status.notChaired).toEqual(["Båstad", "Klippan"]);
    expect(status.statement).toBe("Båstad och Klippan har inte haft ordförandeskapet de senaste 3 åren.");
    expect(status.municipalities.find((m) => m.municipality === "Bjuv")?.lastChaired).toBe("2021-08-27");
    expect(status.municipalities.find((m) => m.municipality === "Klippan")?.lastChaired).toBe("2018-08-26");
  });

  it("ignores terms that start after the date asked about, and says when everyone has chaired", () => {
    const status = rotationStatus({
      terms: [{ person: "Ada", municipality: "Bjuv", from: "2022-01-01", to: null, source: "membership" }],
      municipalities: ["Bjuv"],
      asOf: "2021-12-31",
      years: 1,
    });
    expect(status.statement).toBe("Bjuv har inte haft ordförandeskapet det senaste året.");
    const all = rotationStatus({ terms: [], municipalities: [], asOf: "2021-12-31", years: 2 });
    expect(all.statement).toBe("Alla kommuner har haft ordförandeskapet de senaste 2 åren.");
  });

  it("counts back whole years, also from a leap day", () => {
    expect(yearsBefore("2021-08-27", 3)).toBe("2018-08-27");
    expect(yearsBefore("2024-02-29", 1)).toBe("2023-02-28");
  });
});
