namespace OrgFunctions.Domain.Orgs;

/// <summary>
/// An organisation's id: 20 characters of lowercase base32 (a–z, 2–7). Ids are used inside table keys and
/// materialised paths, so their alphabet must never include a path separator or a character Table Storage refuses.
/// </summary>
public readonly record struct OrgId
{
    public const int Length = 20;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private OrgId(string value) => Value = value;

    public string Value { get; }

    public static OrgId New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }
        return new OrgId(new string(chars));
    }

    public static OrgId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new DomainException($"'{value}' is not an org id.");

    public static bool TryParse(string? value, out OrgId id)
    {
        id = default;
        if (value is null || value.Length != Length || !value.All(c => Alphabet.Contains(c)))
        {
            return false;
        }
        id = new OrgId(value);
        return true;
    }

    public override string ToString() => Value;
}
