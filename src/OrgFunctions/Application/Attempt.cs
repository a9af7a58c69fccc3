namespace OrgFunctions.Application;

/// <summary>
/// One try at a conditional change: its <see cref="Outcome{T}"/>, or <see cref="Lost"/> when the row changed between the
/// read and the write, which the caller answers (a 412 under If-Match, another try without it).
/// </summary>
public readonly struct Attempt<T>
{
    private Attempt(Outcome<T> outcome, bool lostRace)
    {
        Outcome = outcome;
        LostRace = lostRace;
    }

    public Outcome<T> Outcome { get; }
    public bool LostRace { get; }

    public static Attempt<T> Lost => new(default, lostRace: true);

    public static implicit operator Attempt<T>(T value) => new(value, lostRace: false);
    public static implicit operator Attempt<T>(Failure failure) => new(failure, lostRace: false);
}
