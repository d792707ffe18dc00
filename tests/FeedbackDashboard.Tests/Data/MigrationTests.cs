using FeedbackDashboard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace FeedbackDashboard.Tests.Data;

public class MigrationTests
{
    private static SqlServerFeedbackDbContext SqlServerContext() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    private static SqliteFeedbackDbContext SqliteContext() => new SqliteDesignTimeFactory().CreateDbContext([]);

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void SqlServerScript_ParsesWithScriptDomWithoutErrors(MigrationsSqlGenerationOptions options)
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: options);

        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var errors);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        var tables = new CreatedTables();
        fragment.Accept(tables);
        Assert.Contains("Feedback", tables.Names);
        Assert.Contains("ReviewTasks", tables.Names);
        Assert.Contains("AspNetUsers", tables.Names);
        Assert.Contains("[ActivePatternKey] IS NOT NULL", script); // the filtered unique index on active tasks
    }

    [Fact]
    public void SqlServerMigrations_HaveNoPendingModelChanges()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void SqliteMigrations_HaveNoPendingModelChanges()
    {
        using var db = SqliteContext();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void BothProviders_HaveTheSameMigrations()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[(m.IndexOf('_') + 1)..]);

        Assert.Equal(Names(sqlite), Names(sqlServer));
    }

    /// <summary>Every CREATE TABLE, also those inside the idempotent script's IF blocks.</summary>
    private sealed class CreatedTables : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(CreateTableStatement node) => Names.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }
}
