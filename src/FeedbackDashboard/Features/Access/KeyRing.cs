using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FeedbackDashboard.Data;
using Microsoft.AspNetCore.DataProtection;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// One key ring in the database for every instance: a sign-in cookie or antiforgery token made by one
/// instance is read by another (failover behind the load balancer keeps people signed in). With
/// DataProtection:CertificatePath the keys are encrypted with the certificate before they are stored,
/// so a copy of the database alone cannot forge cookies.
/// </summary>
public static class KeyRing
{
    public static void AddKeyRing(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new();
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("FeedbackDashboard")
            .PersistKeysToDbContext<FeedbackDbContext>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return;
        }
        try
        {
            dataProtection.ProtectKeysWithCertificate(Load(options.CertificatePath, options.CertificatePassword));
            var previous = options.PreviousCertificatePaths.Where(p => !string.IsNullOrWhiteSpace(p))
                .Select(p => Load(p, options.CertificatePassword)).ToArray();
            if (previous.Length > 0)
            {
                dataProtection.UnprotectKeysWithAnyCertificate(previous);
            }
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            ConfigurationProblem.Register(builder.Services, $"DataProtection:CertificatePath: {e.Message}");
        }
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"the certificate in {path} has no private key, so it could not read the keys it encrypts.");
    }
}
