using System.Globalization;
using System.Text;
using FeedbackDashboard.Core.Triggers;

namespace FeedbackDashboard.Core.Text;

public static class QueryText
{
    /// <summary>
    /// Case, whitespace and punctuation folded: "How do I reset my password?" and
    /// "how do i  reset my password" give the same key.
    /// </summary>
    public static string Normalize(string query)
    {
        var builder = new StringBuilder(query.Length);
        var pendingSpace = false;
        foreach (var c in query.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                pendingSpace = false;
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
