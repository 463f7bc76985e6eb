namespace PowerFunctions.App.Features.Documents;

/// <summary>
/// An 整改通知书 the supervision centre orders (seed 002, seed 004: rectification in writing with a deadline): the notice
/// number (the rectification's id), what was found, what must be done, in how many working days and by which date. With
/// these facts the notice is the supervision body's order to a department (its name the addressee); without them it is
/// the 好差评 notice about one case.
/// </summary>
public sealed record RectificationFacts(string NoticeNo, string Finding, string Requirement, int WorkingDays, DateOnly Due);
