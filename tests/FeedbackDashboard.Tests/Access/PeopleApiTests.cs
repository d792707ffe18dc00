using System.Net;
using System.Net.Http.Json;
using FeedbackDashboard.Features.Access;
using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Access;

/// <summary>Everything the Admin page does with people and keys, through the API, under the same rules, audited.</summary>
public class PeopleApiTests(FeedbackAppFactory app) : IClassFixture<FeedbackAppFactory>
{
    private static readonly DemoAccounts.Account Admin = DemoAccounts.All.Single(a => a.Role == AppRoles.Admin);
    private static readonly DemoAccounts.Account Reviewer = DemoAccounts.All.Single(a => a.Role == AppRoles.Reviewer);

    [Fact]
    public async Task AnAdmin_CreatesAPerson_ChangesTheirRole_DisablesAndEnablesThem()
    {
        var admin = await app.CreateSignedInClientAsync(Admin);
        var email = $"api-{Guid.NewGuid():N}@demo.local";
        const string password = "Api-Person-2026";

        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, password, role = "Reviewer" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = (string)(await created.ReadJsonAsync())["id"]!;
        var person = await app.CreateSignedInClientAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/api/v1/corrections")).StatusCode);

        var demoted = await (await admin.PostAsJsonAsync($"/api/v1/users/{id}/role", new { role = "ProductManager" })).ReadJsonAsync();
        Assert.Equal("ProductManager", (string)demoted["role"]!);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.GetAsync("/api/v1/corrections")).StatusCode);

        var disabled = await (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).ReadJsonAsync();
        Assert.True((bool)disabled["isDisabled"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await person.GetAsync("/api/v1/insights")).StatusCode);
        var enabled = await (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).ReadJsonAsync();
        Assert.False((bool)enabled["isDisabled"]!);
        Assert.Equal(HttpStatusCode.OK, (await (await app.CreateSignedInClientAsync(email, password)).GetAsync("/api/v1/insights")).StatusCode);

        var audit = await admin.GetItemsAsync("/api/v1/audit?pageSize=200");
        foreach (var action in new[] { "user.created", "user.role_changed", "user.disabled", "user.enabled" })
        {
            Assert.Contains(audit, a => (string)a!["action"]! == action && ((string?)a["subject"] ?? "").Contains(email));
        }
        Assert.Contains((await admin.GetItemsAsync("/api/v1/users")), u => (string)u!["email"]! == email);
    }

    [Theory]
    [InlineData("""{"email":"not-an-email","password":"Api-Person-2026","role":"Reviewer"}""", "email")]
    [InlineData("""{"email":"ok@demo.local","password":"Api-Person-2026","role":"Owner"}""", "role")]
    [InlineData("""{"email":"ok2@demo.local","password":"short","role":"Reviewer"}""", "password")]
    [InlineData("""{"email":"admin@demo.local","password":"Api-Person-2026","role":"Reviewer"}""", "email")]
    public async Task ABadPerson_Is400NamingTheField(string body, string field)
    {
        var admin = await app.CreateSignedInClientAsync(Admin);

        var response = await admin.PostRawAsync("/api/v1/users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task TheOnlyActiveAdmin_CannotDemoteOrDisableThemselves_409()
    {
        var admin = await app.CreateSignedInClientAsync(Admin);
        var me = (string)(await admin.GetItemsAsync("/api/v1/users")).Single(u => (string)u!["email"]! == Admin.Email)!["id"]!;

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/users/{me}/role", new { role = "Reviewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/users/{me}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/users/nobody/disable", null)).StatusCode);
    }

    [Fact]
    public async Task Keys_AreMadeWithTheirScopes_ShownOnce_AndRevokedAtOnce()
    {
        var admin = await app.CreateSignedInClientAsync(Admin);

        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "notebook", scopes = new[] { "read" } })).ReadJsonAsync();
        var secret = (string)created["key"]!;
        var id = (string)created["apiKey"]!["id"]!;
        var keyed = app.CreateApiClient(secret);

        Assert.Equal(["read"], created["apiKey"]!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/api/v1/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyed.PostFeedbackAsync("Read-only key", "positive")).StatusCode);
        Assert.DoesNotContain(secret, await admin.GetStringAsync("/api/v1/api-keys"));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/api-keys/{id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyed.GetAsync("/api/v1/insights")).StatusCode);
        var bad = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "x", scopes = new[] { "admin" } });
        Assert.True((await bad.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("scopes"));
    }

    [Fact]
    public async Task OnlyAdmins_ReachPeopleAndKeys()
    {
        var reviewer = await app.CreateSignedInClientAsync(Reviewer);

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync("/api/v1/api-keys", new { name = "mine", scopes = new[] { "ingest" } })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateApiClient().GetAsync("/api/v1/api-keys")).StatusCode);
    }
}
