using System.Net;
using FeedbackDashboard.Core.Triggers;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Features.Triggers;
using FeedbackDashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FeedbackDashboard.Tests.Access;

public class AccessTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Pm = DemoAccounts.All.Single(a => a.Role == AppRoles.ProductManager);

    private ApiKeyService Keys => app.Services.GetRequiredService<ApiKeyService>();

    [Fact]
    public async Task RevokedKey_StopsWorkingAtOnce()
    {
        var admin = TestPrincipals.WithRole(AppRoles.Admin);
        var created = await Keys.CreateAsync(admin, "to revoke", ApiKeyScopes.All);
        var client = app.CreateApiClient(created.Plaintext);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/insights")).StatusCode);

        await Keys.RevokeAsync(admin, created.Key.Id);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/insights")).StatusCode);
    }

    [Fact]
    public async Task ApiKey_IsStoredOnlyAsItsHash()
    {
        var created = await Keys.CreateAsync(TestPrincipals.WithRole(AppRoles.Admin), "hash check", ApiKeyScopes.Read);

        await using var db = app.CreateDbContext();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == created.Key.Id);
        Assert.Equal(created.Plaintext[..ApiKey.PrefixLength], stored.Prefix);
        Assert.DoesNotContain(created.Plaintext, stored.Hash);
        Assert.Equal(64, stored.Hash.Length);
        Assert.False(await db.ApiKeys.AnyAsync(k => k.Hash.Contains(FeedbackAppFactory.ApiKey)));
    }

    [Fact]
    public async Task KeyCreationAndRevocation_AreAudited()
    {
        var admin = TestPrincipals.WithRole(AppRoles.Admin, "auditor@demo.local");
        var created = await Keys.CreateAsync(admin, "audited", ApiKeyScopes.Ingest);
        await Keys.RevokeAsync(admin, created.Key.Id);

        await using var db = app.CreateDbContext();
        var actions = await db.AuditRecords.Where(r => r.Subject == created.Key.Id.ToString()).Select(r => new { r.Action, r.Actor }).ToListAsync();
        Assert.Equal(["apikey.created", "apikey.revoked"], actions.Select(a => a.Action).Order());
        Assert.All(actions, a => Assert.Equal("auditor@demo.local", a.Actor));
    }

    [Fact]
    public async Task WrongPassword_ShowsTheFormWithAnError()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.SignInAsync("nobody@demo.local", "Whatever-2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn()
    {
        var email = $"off-{Guid.NewGuid():N}@demo.local";
        const string password = "Disabled-User-2026";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var admin = TestPrincipals.WithRole(AppRoles.Admin);
        await users.CreateAsync(admin, email, password, AppRoles.Reviewer);
        var id = (await users.ListAsync(admin)).Single(u => u.Email == email).Id;

        var result = await users.SetDisabledAsync(admin, id, disabled: true);
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(email, password);

        Assert.True(result.Succeeded);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, saying no more than for a wrong password
        Assert.Contains("The email or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WeakPassword_IsRefusedByThePolicy()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await users.CreateAsync(TestPrincipals.WithRole(AppRoles.Admin), $"weak-{Guid.NewGuid():N}@demo.local", "short1A", AppRoles.Reviewer);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await app.CreateSignedInClientAsync(Pm);
        var page = await client.GetAsync("/Account/Manage");
        var fields = SignInExtensions.HiddenFields(await page.Content.ReadAsStringAsync());
        fields["ReturnUrl"] = "";

        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(fields));
        var after = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.ToString());
    }

    [Fact]
    public async Task ChangePassword_ThroughTheForm_TheNewOneSignsIn()
    {
        var email = $"change-{Guid.NewGuid():N}@demo.local";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>()
                .CreateAsync(TestPrincipals.WithRole(AppRoles.Admin), email, "Old-Password-2026", AppRoles.ProductManager);
        }
        var client = await app.CreateSignedInClientAsync(email, "Old-Password-2026");
        var form = await client.GetAsync("/Account/Manage/ChangePassword");
        var fields = SignInExtensions.FormFields(await form.Content.ReadAsStringAsync(), "change-password");
        fields["Input.OldPassword"] = "Old-Password-2026";
        fields["Input.NewPassword"] = "New-Password-2026";
        fields["Input.ConfirmPassword"] = "New-Password-2026";

        var changed = await client.PostAsync("/Account/Manage/ChangePassword", new FormUrlEncodedContent(fields));
        var withNew = await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(email, "New-Password-2026");
        var withOld = await app.CreateClient(new() { AllowAutoRedirect = false }).SignInAsync(email, "Old-Password-2026");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode); // the form again: the old password no longer works
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        var client = await app.CreateSignedInClientAsync(Pm);

        var signOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/api/v1/insights")]
    public async Task Responses_CarryTheSecurityHeaders(string url)
    {
        var response = await app.CreateApiClient().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Services_RefuseCallersWithoutTheAdminRole()
    {
        var reviewer = TestPrincipals.WithRole(AppRoles.Reviewer);
        await using var scope = app.Services.CreateAsyncScope();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Keys.CreateAsync(reviewer, "nope", ApiKeyScopes.All));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync(reviewer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            app.Services.GetRequiredService<TriggerSettingsStore>().UpdateAsync(reviewer, new TriggerOptions()));
    }

    [Fact]
    public async Task LastAdmin_CannotBeDemotedOrDisabled()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var someone = TestPrincipals.WithRole(AppRoles.Admin, "someone@demo.local");
        var adminId = (await users.ListAsync(someone)).Single(u => u.Email == DemoAccounts.All[0].Email).Id;

        Assert.False((await users.SetRoleAsync(someone, adminId, AppRoles.Reviewer)).Succeeded);
        Assert.False((await users.SetDisabledAsync(someone, adminId, true)).Succeeded);
    }
}
