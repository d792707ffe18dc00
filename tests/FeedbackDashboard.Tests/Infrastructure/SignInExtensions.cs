using System.Net;
using System.Text.RegularExpressions;

namespace FeedbackDashboard.Tests.Infrastructure;

public static partial class SignInExtensions
{
    /// <summary>Posts the sign-in form as a browser would: its antiforgery token and handler from the GET.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var form = await client.GetAsync("/Account/Login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var fields = HiddenFields(await form.Content.ReadAsStringAsync());
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}
