using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Tests.Access;

/// <summary>
/// With DataProtection:CertificatePath the key ring in the database is encrypted with the certificate:
/// the stored keys hold no key material in the clear, and another instance with the same certificate
/// reads the cookies this one signed.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Password = "key-ring-test-2026";
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("feedback-keyring-");

    private sealed class CertificateApp(string? certificatePath, string password, string? sharedDatabase = null) : FeedbackAppFactoryBase
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            if (certificatePath is not null)
            {
                builder.UseSetting("DataProtection:CertificatePath", certificatePath);
                builder.UseSetting("DataProtection:CertificatePassword", password);
            }
            if (sharedDatabase is not null)
            {
                builder.UseSetting("ConnectionStrings:Feedback", $"Data Source={sharedDatabase}");
            }
        }
    }

    public static string NewCertificate(DirectoryInfo directory, string name, string password = Password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory.FullName, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    [Fact]
    public async Task WithACertificate_StoredKeysAreEncrypted_AndAnotherInstanceWithItReadsTheCookies()
    {
        var certificate = NewCertificate(directory, "keyring");
        await using var first = new CertificateApp(certificate, Password);
        var cookies = await SignInAsync(first);
        Assert.Equal(HttpStatusCode.OK, (await WithCookies(first, cookies).GetAsync("/api/v1/audit")).StatusCode);

        await using (var db = first.CreateDbContext())
        {
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("<value>", xml);
            });
        }

        await using var second = new CertificateApp(certificate, Password, sharedDatabase: first.DatabasePath);
        Assert.Equal(HttpStatusCode.OK, (await WithCookies(second, cookies).GetAsync("/api/v1/audit")).StatusCode);
    }

    /// <summary>The sign-in form by hand, keeping the cookies as a header another instance can be sent.</summary>
    private static async Task<string> SignInAsync(FeedbackAppFactoryBase app)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await client.GetAsync("/Account/Login");
        var fields = SignInExtensions.FormFields(await form.Content.ReadAsStringAsync(), "login");
        fields["Input.Email"] = Admin.Email;
        fields["Input.Password"] = Admin.Password;
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", CookieHeader(form));
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return CookieHeader(signedIn);
    }

    private static string CookieHeader(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    private static HttpClient WithCookies(FeedbackAppFactoryBase app, string cookies)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookies);
        return client;
    }

    [Fact]
    public async Task WithoutACertificate_TheKeysAreStoredAsTheyAre()
    {
        await using var app = new CertificateApp(null, Password);
        await app.CreateSignedInClientAsync(Admin);

        await using var db = app.CreateDbContext();
        Assert.Contains(await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(), xml => xml.Contains("<value>"));
    }

    public void Dispose() => directory.Delete(recursive: true);
}
