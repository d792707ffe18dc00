using System.Reflection;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

using FeedbackDashboard.Tests.Infrastructure;

namespace FeedbackDashboard.Tests.Operations;

/// <summary>
/// No Docker engine runs here, so the compose path is checked as text: the file parses, has the
/// services production needs, and sets only settings the app reads; the example settings file
/// lists every setting there is.
/// </summary>
public class DockerComposeTests
{
    private static readonly string Root = RepositoryFiles.Root;

    /// <summary>Every setting the app binds: "Section:Property" of each options class, and the connection strings.</summary>
    private static readonly HashSet<string> AppSettings = OptionKeys();

    /// <summary>Read by ASP.NET Core and the OpenTelemetry SDK themselves.</summary>
    private static readonly string[] PlatformVariables = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SERVICE_NAME"];

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    [Fact]
    public void TheFile_HasSqlServerRedisTwoDashboardsAndAStickyBalancer()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var names = services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();

        Assert.Superset(new HashSet<string?> { "sqlserver", "redis", "migrate", "dashboard", "nginx" }, names);
        Assert.StartsWith("mcr.microsoft.com/mssql/server", ((YamlScalarNode)Service("sqlserver")["image"]).Value);
        Assert.Equal("2", ((YamlScalarNode)((YamlMappingNode)Service("dashboard")["deploy"])["replicas"]).Value);
        Assert.Equal("service_completed_successfully", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)Service("dashboard")["depends_on"])["migrate"])["condition"]).Value);
        Assert.Contains("ip_hash;", File.ReadAllText(Path.Combine(Root, "deploy", "nginx.conf")));
        var dockerfile = File.ReadAllText(Path.Combine(Root, "src", "FeedbackDashboard", "Dockerfile"));
        Assert.Contains("AS migrate", dockerfile);
        Assert.Contains("dotnet ef migrations bundle", dockerfile);
        var final = dockerfile[dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];
        Assert.Contains("mcr.microsoft.com/dotnet/aspnet", final); // the runtime image is what `docker build` makes
        Assert.Contains("USER app", final);
        Assert.Contains("HEALTHCHECK", final);
    }

    [Fact]
    public void EveryVariableTheDashboardGets_IsASettingTheAppReads()
    {
        var environment = (YamlMappingNode)Service("dashboard")["environment"];
        var variables = environment.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

        Assert.Contains("ConnectionStrings__Redis", variables);
        Assert.Contains("Database__Provider", variables);
        var unknown = variables.Where(v => !PlatformVariables.Contains(v) && !AppSettings.Contains(System.Text.RegularExpressions.Regex.Replace(v.Replace("__", ":"), ":[0-9]+$", ""))).ToList();
        Assert.True(unknown.Count == 0, "set but never read: " + string.Join(", ", unknown));
        Assert.Equal("SqlServer", ((YamlScalarNode)environment["Database__Provider"]).Value);
    }

    [Fact]
    public void TheExampleSettingsFile_ListsEverySetting_AndNothingElse()
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.Development.json.example")))!.AsObject();
        var listed = example.Where(section => section.Value is JsonObject)
            .SelectMany(section => section.Value!.AsObject().Select(setting => $"{section.Key}:{setting.Key}"))
            .ToHashSet();

        Assert.Empty(AppSettings.Except(listed));
        Assert.Empty(listed.Except(AppSettings));
    }

    private static HashSet<string> OptionKeys()
    {
        var assemblies = new[] { typeof(Program).Assembly, typeof(Core.Triggers.TriggerOptions).Assembly };
        var keys = assemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null && t.Type.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => $"{t.Section}:{p.Name}"))
            .ToHashSet();
        keys.Add("ConnectionStrings:Feedback");
        keys.Add("ConnectionStrings:Redis");
        return keys;
    }
}
