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
        var fields = FormFields(await form.Content.ReadAsStringAsync(), "login");
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }

    /// <summary>The hidden fields (antiforgery token, handler) of the form whose Blazor handler name is given.</summary>
    public static Dictionary<string, string> FormFields(string html, string handler)
    {
        var form = Form().Matches(html).Select(m => m.Value).Single(f => f.Contains($"value=\"{handler}\""));
        return HiddenFields(form);
    }

    /// <summary>The hidden fields of the page's only form.</summary>
    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}
