using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using FeedbackDashboard.Data;
using FeedbackDashboard.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Creates, revokes and checks API keys. A check hashes the presented key and looks the hash up
/// in a short-lived cache (the database at most every few seconds per key), so the hot path does
/// no string comparison of secrets and a revoke on this instance takes effect at once.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<FeedbackDbContext> contextFactory, AuditLog audit, TimeProvider time)
{
    public const string KeyPrefix = "fdk_";
    public const int MinimumProvisionedLength = 32;
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);

    public async Task<CreatedApiKey> CreateAsync(ClaimsPrincipal caller, string name, ApiKeyScopes scopes, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > ApiKey.MaxNameLength || scopes == ApiKeyScopes.None)
        {
            throw new ArgumentException($"A key needs a name of 1 to {ApiKey.MaxNameLength} characters and at least one scope.");
        }
        var plaintext = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = await StoreAsync(plaintext, name, scopes, actor, cancellationToken);
        return new CreatedApiKey(key, plaintext);
    }

    /// <summary>Stores a key given in configuration (Bootstrap:IngestApiKey) unless it is there already.</summary>
    public async Task<bool> ProvisionAsync(string plaintext, string name, ApiKeyScopes scopes, CancellationToken cancellationToken = default)
    {
        if (plaintext.Length < MinimumProvisionedLength)
        {
            throw new InvalidOperationException($"A provisioned API key must be at least {MinimumProvisionedLength} characters long.");
        }
        var hash = Hash(plaintext);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken))
        {
            return false;
        }
        await StoreAsync(plaintext, name, scopes, AuditLog.SystemActor, cancellationToken);
        return true;
    }

    public async Task<bool> RevokeAsync(ClaimsPrincipal caller, Guid id, CancellationToken cancellationToken = default)
    {
        var actor = CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null || key.IsRevoked)
        {
            return false;
        }
        key.RevokedAt = time.GetUtcNow();
        key.RevokedBy = actor;
        audit.Record(db, actor, "apikey.revoked", key.Id.ToString(), new { key.Name, key.Prefix, revoked = false }, new { key.Name, key.Prefix, revoked = true });
        await db.SaveChangesAsync(cancellationToken);
        _cache.TryRemove(key.Hash, out _);
        return true;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        CallerChecks.RequireRole(caller, AppRoles.Admin);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return keys.OrderBy(k => k.IsRevoked).ThenByDescending(k => k.CreatedAt).ToList();
    }

    /// <summary>The key's identity when the presented text is a live key, else null.</summary>
    public async ValueTask<ApiKeyIdentity?> ValidateAsync(string presented, CancellationToken cancellationToken = default)
    {
        if (presented.Length is < MinimumProvisionedLength or > 256)
        {
            return null;
        }
        var hash = Hash(presented);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Identity;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, cancellationToken);
        var identity = key is { IsRevoked: false } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Hash), Encoding.ASCII.GetBytes(hash))
            ? new ApiKeyIdentity(key.Id, key.Name, key.Scopes)
            : null;
        if (identity is not null)
        {
            // Last use is kept to the cache's resolution: one write per key every few seconds at most.
            await db.ApiKeys.Where(k => k.Id == identity.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        _cache[hash] = new CachedKey(identity, now + CacheFor);
        return identity;
    }

    private async Task<ApiKey> StoreAsync(string plaintext, string name, ApiKeyScopes scopes, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = new ApiKey
        {
            Name = name.Trim(),
            Prefix = plaintext[..ApiKey.PrefixLength],
            Hash = Hash(plaintext),
            Scopes = scopes,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor,
        };
        db.ApiKeys.Add(key);
        audit.Record(db, actor, "apikey.created", key.Id.ToString(), after: new { key.Name, key.Prefix, scopes = ApiKeyScopeNames.Of(scopes) });
        await db.SaveChangesAsync(cancellationToken);
        _cache.TryRemove(key.Hash, out _);
        return key;
    }

    private static string Hash(string plaintext) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plaintext)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record CachedKey(ApiKeyIdentity? Identity, DateTimeOffset ExpiresAt);
}

public sealed record ApiKeyIdentity(Guid Id, string Name, ApiKeyScopes Scopes);

/// <summary>A new key: the stored record, and the plaintext, which is shown this once.</summary>
public sealed record CreatedApiKey(ApiKey Key, string Plaintext);
