using System.Security.Claims;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// What the Admin page does with people and API keys, for signed-in admins through the API. The same
/// rules hold (UserAdministration, ApiKeyService), and every change is audited there.
/// </summary>
public static class PeopleEndpoints
{
    public sealed record CreateUserRequest(string? Email, string? Password, string? Role);

    public sealed record RoleRequest(string? Role);

    public sealed record CreateKeyRequest(string? Name, string[]? Scopes);

    public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt,
        string? CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
    {
        public static ApiKeyDto From(ApiKey key) =>
            new(key.Id, key.Name, key.Prefix, ApiKeyScopeNames.Of(key.Scopes).ToList(), key.CreatedAt, key.CreatedBy, key.LastUsedAt, key.RevokedAt);
    }

    /// <summary>A new key: <c>key</c> is the secret, shown this once.</summary>
    public sealed record CreatedKeyDto(string Key, ApiKeyDto ApiKey);

    public static RouteGroupBuilder MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").RequireAuthorization(AccessPolicies.ApiAdminister);
        users.MapGet("", async (ClaimsPrincipal caller, UserAdministration people, CancellationToken ct) =>
            Results.Ok(new ItemsResponse<UserSummary>(await people.ListAsync(caller, ct)))).WithName("ListUsers");
        users.MapPost("", CreateUserAsync).Accepts<CreateUserRequest>("application/json").WithName("CreateUser")
            .WithSummary("A person: {email, password, role} with role Admin, Reviewer or ProductManager.");
        users.MapPost("/{id}/role", async (string id, HttpRequest request, ClaimsPrincipal caller, UserAdministration people, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<RoleRequest>(request, 4 * 1024, ct);
            if (problem is not null)
            {
                return problem;
            }
            if (!AppRoles.All.Contains(body!.Role ?? ""))
            {
                return Problems.Validation("role", $"Use one of {string.Join(", ", AppRoles.All)}.");
            }
            return await ResultAsync(people, caller, id, () => people.SetRoleAsync(caller, id, body.Role!), ct);
        }).Accepts<RoleRequest>("application/json").WithName("SetUserRole")
            .WithSummary("Change a person's role; it applies to their next request. The last active admin cannot be demoted (409).");
        users.MapPost("/{id}/disable", (string id, ClaimsPrincipal caller, UserAdministration people, CancellationToken ct) =>
            ResultAsync(people, caller, id, () => people.SetDisabledAsync(caller, id, true), ct)).WithName("DisableUser")
            .WithSummary("Disable a person: their sessions end at once. Not yourself, nor the last active admin (409).");
        users.MapPost("/{id}/enable", (string id, ClaimsPrincipal caller, UserAdministration people, CancellationToken ct) =>
            ResultAsync(people, caller, id, () => people.SetDisabledAsync(caller, id, false), ct)).WithName("EnableUser");

        var keys = api.MapGroup("/api-keys").RequireAuthorization(AccessPolicies.ApiAdminister);
        keys.MapGet("", async (ClaimsPrincipal caller, ApiKeyService service, CancellationToken ct) =>
            Results.Ok(new ItemsResponse<ApiKeyDto>((await service.ListAsync(caller, ct)).Select(ApiKeyDto.From).ToList()))).WithName("ListApiKeys");
        keys.MapPost("", CreateKeyAsync).Accepts<CreateKeyRequest>("application/json").WithName("CreateApiKey")
            .WithSummary("A key: {name, scopes: [\"ingest\", \"read\"]}; the answer's `key` is the secret, shown this once.");
        keys.MapPost("/{id:guid}/revoke", async (Guid id, ClaimsPrincipal caller, ApiKeyService service, CancellationToken ct) =>
            await service.RevokeAsync(caller, id, ct)
                ? Results.Ok(ApiKeyDto.From((await service.ListAsync(caller, ct)).Single(k => k.Id == id)))
                : Problems.NotFound("id", $"No active API key {id}.")).WithName("RevokeApiKey");
        return api;
    }

    private static async Task<IResult> CreateUserAsync(HttpRequest request, ClaimsPrincipal caller, UserAdministration people,
        UserManager<ApplicationUser> users, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateUserRequest>(request, 4 * 1024, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new Core.Feedback.ValidationErrors();
        if (string.IsNullOrWhiteSpace(body!.Email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(body.Email) || body.Email.Length > 256)
        {
            errors.Add("email", "Give an email address.");
        }
        else if (await users.FindByEmailAsync(body.Email.Trim()) is not null)
        {
            errors.Add("email", "Someone has this email already.");
        }
        if (!AppRoles.All.Contains(body.Role ?? ""))
        {
            errors.Add("role", $"Use one of {string.Join(", ", AppRoles.All)}.");
        }
        if (string.IsNullOrEmpty(body.Password))
        {
            errors.Add("password", "Give a password.");
        }
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }
        var result = await people.CreateAsync(caller, body.Email!.Trim(), body.Password!, body.Role!);
        if (!result.Succeeded)
        {
            return Problems.Validation("password", string.Join(" ", result.Errors)); // the rest was checked above: the password policy
        }
        return Results.Ok((await people.ListAsync(caller, ct)).Single(u => u.Email == body.Email.Trim()));
    }

    private static async Task<IResult> CreateKeyAsync(HttpRequest request, ClaimsPrincipal caller, ApiKeyService service, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateKeyRequest>(request, 4 * 1024, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new Core.Feedback.ValidationErrors();
        if (string.IsNullOrWhiteSpace(body!.Name) || body.Name.Length > ApiKey.MaxNameLength)
        {
            errors.Add("name", $"Give a name of 1 to {ApiKey.MaxNameLength} characters.");
        }
        var scopes = ApiKeyScopes.None;
        foreach (var scope in body.Scopes ?? [])
        {
            scopes |= scope switch
            {
                ApiKeyScopeNames.Ingest => ApiKeyScopes.Ingest,
                ApiKeyScopeNames.Read => ApiKeyScopes.Read,
                _ => ApiKeyScopes.None,
            };
            if (scope is not (ApiKeyScopeNames.Ingest or ApiKeyScopeNames.Read))
            {
                errors.Add("scopes", $"Unknown scope '{scope}': use \"ingest\", \"read\" or both.");
            }
        }
        if (scopes == ApiKeyScopes.None && errors.IsEmpty)
        {
            errors.Add("scopes", "Give at least one scope: \"ingest\", \"read\".");
        }
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }
        var created = await service.CreateAsync(caller, body.Name!.Trim(), scopes, ct);
        return Results.Ok(new CreatedKeyDto(created.Plaintext, ApiKeyDto.From(created.Key)));
    }

    /// <summary>404 for an unknown person, 409 for a refused change (the last active admin, yourself), else the person now.</summary>
    private static async Task<IResult> ResultAsync(UserAdministration people, ClaimsPrincipal caller, string id, Func<Task<AdminResult>> change, CancellationToken ct)
    {
        if ((await people.ListAsync(caller, ct)).All(u => u.Id != id))
        {
            return Problems.NotFound("id", $"No user {id}.");
        }
        var result = await change();
        return result.Succeeded
            ? Results.Ok((await people.ListAsync(caller, ct)).Single(u => u.Id == id))
            : Problems.Status(StatusCodes.Status409Conflict, "Not allowed", string.Join(" ", result.Errors));
    }
}
