namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Bound from "DataProtection": the certificate that encrypts the key ring (the keys that sign cookies
/// and antiforgery tokens) where it is stored, in the database. Without one the keys are stored as they are.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 file (.pfx) with the private key; every instance needs the same one.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Certificates used before (.pfx with private key, same password), to read keys they encrypted after a rotation.</summary>
    public string[] PreviousCertificatePaths { get; set; } = [];
}
