using System.Net.Sockets;
using System.Security.Authentication;

namespace FeedbackDashboard.Features.Webhooks;

/// <summary>
/// A failed attempt in a few words for the delivery log ("connection refused", "timed out"), never
/// the resolver's or the socket's own text, which can tell an admin's browser about the network.
/// </summary>
public static class DeliveryFailure
{
    public static string Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case WebhookTargetRefusedException:
                    return WebhookTargets.PrivateTargetReason;
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => "connection refused",
                        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                        SocketError.TimedOut => "timed out",
                        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
                        SocketError.ConnectionReset => "connection reset",
                        _ => "connection failed",
                    };
                case AuthenticationException:
                    return "TLS handshake failed";
                case TimeoutException or TaskCanceledException:
                    return "timed out";
            }
        }
        return "request failed";
    }

    public static string ForStatus(int status) => status is >= 300 and < 400
        ? $"The receiver answered {status}: redirects are not followed."
        : $"The receiver answered {status}.";
}
