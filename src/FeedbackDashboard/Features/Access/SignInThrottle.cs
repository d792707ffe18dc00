using System.Net;
using System.Net.Sockets;
using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FeedbackDashboard.Features.Access;

/// <summary>
/// Failed sign-ins per client address, kept in the database so every instance counts the same ones.
/// The address is the connection's (after forwarded headers from the configured proxies); IPv6 counts
/// per /64, the block one customer usually holds, so rotating through it does not reset the count.
/// </summary>
public sealed class SignInThrottle(IDbContextFactory<FeedbackDbContext> contextFactory, TimeProvider time, IOptions<SignInLimitsOptions> options)
{
    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.WindowMinutes);

    public static string AddressOf(HttpContext context) => KeyOf(context.Connection.RemoteIpAddress);

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>How long the address must wait before it may try again; null when it may try now.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var since = now - Window;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var recent = await db.SignInFailures
            .Where(f => f.Address == address && f.At > since)
            .OrderByDescending(f => f.At)
            .Select(f => f.At)
            .Take(options.Value.MaxFailuresPerAddress)
            .ToListAsync(cancellationToken);
        if (recent.Count < options.Value.MaxFailuresPerAddress)
        {
            return null;
        }
        // Free again once the oldest of the last N failures leaves the window.
        return recent[^1] + Window - now;
    }

    public async Task RecordFailureAsync(string address, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expired = now - Window;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.SignInFailures.Add(new SignInFailure { Address = address, At = now });
        await db.SaveChangesAsync(cancellationToken);
        await db.SignInFailures.Where(f => f.At <= expired).ExecuteDeleteAsync(cancellationToken);
    }
}
