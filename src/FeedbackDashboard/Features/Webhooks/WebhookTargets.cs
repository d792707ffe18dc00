using System.Net;
using System.Net.Sockets;

namespace FeedbackDashboard.Features.Webhooks;

/// <summary>
/// Which receivers a webhook may reach: public addresses only, unless Webhooks:AllowPrivateTargets.
/// Checked when a webhook is created (its host as written, every spelling of an address normalised
/// by System.Uri, and what its name resolves to then) and again on every connection, on the address
/// actually dialled, because DNS may change in between.
/// </summary>
public static class WebhookTargets
{
    public const string PrivateTargetReason = "private address refused";

    /// <summary>Why the URL may not be a receiver, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(Uri url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (allowPrivate)
        {
            return null;
        }
        var host = url.IdnHost.Trim('[', ']');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "A webhook cannot target localhost (Webhooks:AllowPrivateTargets allows it).";
        }
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return null; // not resolvable now: each connection is checked when it is made
            }
        }
        return addresses.Any(IsPrivate)
            ? $"A webhook cannot target a private, loopback or link-local address ({string.Join(", ", addresses.Where(IsPrivate))}); Webhooks:AllowPrivateTargets allows it."
            : null;
    }

    /// <summary>Not a public unicast address: loopback, private, link-local, shared, unspecified, multicast or reserved.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] is >= 64 and <= 127) // shared address space (carrier NAT)
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, documentation
                || (b[0] == 198 && b[1] is 18 or 19); // benchmarking
        }
        var bytes = address.GetAddressBytes();
        return address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC // unique local fc00::/7
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8); // documentation 2001:db8::/32
    }

    /// <summary>
    /// Dials the first public address of the host (every address when private targets are allowed),
    /// so the check holds for the address actually connected to.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(Func<bool> allowPrivate) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = allowPrivate() ? addresses : addresses.Where(a => !IsPrivate(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new WebhookTargetRefusedException();
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}

/// <summary>The receiver's address is not public and Webhooks:AllowPrivateTargets is off.</summary>
public sealed class WebhookTargetRefusedException() : Exception(WebhookTargets.PrivateTargetReason);
