namespace OrgFunctions.Application;

/// <summary>Why an application operation did not happen, in terms a trigger maps to an HTTP status.</summary>
public abstract record Failure
{
    public sealed record NotFound(string What) : Failure;
    /// <summary>403 naming the permission; <see cref="Detail"/> says why when holding it isn't enough (e.g. acting on oneself).</summary>
    public sealed record Forbidden(string Permission, string? Detail = null) : Failure;
    public sealed record Conflict(string Detail) : Failure;
    public sealed record PreconditionFailed : Failure;
    public sealed record Invalid(FieldErrors Errors) : Failure;

    /// <summary>A service the request needed (the payment vault) failed or timed out; nothing was stored: 502.</summary>
    public sealed record BadGateway(string Detail) : Failure;

    /// <summary>A configured limit (named as its setting, e.g. <c>Provisioning:MaxDepth</c>) would be exceeded: 409.</summary>
    public sealed record LimitExceeded(string Limit, int Value, string Detail) : Failure;

    public static Invalid Field(string field, string reason)
    {
        var errors = new FieldErrors();
        errors.Add(field, reason);
        return new Invalid(errors);
    }
}

/// <summary>The result of an application operation: a value, or the <see cref="Failure"/> that stopped it.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, Failure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }
    public Failure? Failure { get; }
    public bool Succeeded => Failure is null;

    // C# allows no implicit conversion from an interface type, so a list result needs this.
    public static Outcome<T> Success(T value) => new(value, null);

    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(Failure failure) => new(default, failure);
}
