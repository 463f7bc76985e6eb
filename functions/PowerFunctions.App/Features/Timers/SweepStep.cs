namespace PowerFunctions.App.Features.Timers;

/// <summary>The points of a sweep between its storage writes, where <see cref="ISweepFaults"/> may simulate a crash.</summary>
public enum SweepStep
{
    /// <summary>A due row was read; next: the ETag-checked claim.</summary>
    BeforeClaim,

    /// <summary>The row is claimed (lease written); next: the handler's effect.</summary>
    BeforeFire,

    /// <summary>The handler threw; next: writing its error and retry time on the row.</summary>
    BeforeRecordFailure,

    /// <summary>The handler returned (its effect is stored); next: deleting the row.</summary>
    BeforeDelete,

    /// <summary>The row is deleted; the firing is complete.</summary>
    AfterDelete,

    /// <summary>The row is to be dead-lettered (unknown kind, too many attempts); next: writing the dead row.</summary>
    BeforeDeadLetter,

    /// <summary>The dead row is written; next: deleting the index row.</summary>
    BeforeDeadDelete,

    /// <summary>Every timer of the sweep is handled; next: advancing the bookmark.</summary>
    BeforeBookmark,
}
