using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TrustworthyFiguresData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A migration of its own: on SQLite the previous one rebuilds PatternDailyAggregates with its
            // new key, which must be done before these rows are written.
            // Keys of patterns grouped by meaning move to their own namespace ("q:"), apart from the
            // keys applications send (PatternKeys). Long keys keep their head and tail within 200 characters.
            migrationBuilder.Sql(@"UPDATE ""Interactions"" SET ""PatternKey"" = CASE WHEN LEN(""PatternKey"") <= 198 THEN 'q:' + ""PatternKey"" ELSE 'q:' + LEFT(""PatternKey"", 181) + RIGHT(""PatternKey"", 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""Feedback"" SET ""PatternKey"" = CASE WHEN LEN(""PatternKey"") <= 198 THEN 'q:' + ""PatternKey"" ELSE 'q:' + LEFT(""PatternKey"", 181) + RIGHT(""PatternKey"", 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""PatternDailyAggregates"" SET ""PatternKey"" = CASE WHEN LEN(""PatternKey"") <= 198 THEN 'q:' + ""PatternKey"" ELSE 'q:' + LEFT(""PatternKey"", 181) + RIGHT(""PatternKey"", 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""ReviewTasks"" SET ""PatternKey"" = CASE WHEN LEN(""PatternKey"") <= 198 THEN 'q:' + ""PatternKey"" ELSE 'q:' + LEFT(""PatternKey"", 181) + RIGHT(""PatternKey"", 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""ReviewTasks"" SET ""ActivePatternKey"" = CASE WHEN LEN(""ActivePatternKey"") <= 198 THEN 'q:' + ""ActivePatternKey"" ELSE 'q:' + LEFT(""ActivePatternKey"", 181) + RIGHT(""ActivePatternKey"", 17) END WHERE ""ActivePatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""Corrections"" SET ""PatternKey"" = CASE WHEN LEN(""PatternKey"") <= 198 THEN 'q:' + ""PatternKey"" ELSE 'q:' + LEFT(""PatternKey"", 181) + RIGHT(""PatternKey"", 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""KnowledgeEntries"" SET ""PatternKey"" = CASE WHEN LEN(""PatternKey"") <= 198 THEN 'q:' + ""PatternKey"" ELSE 'q:' + LEFT(""PatternKey"", 181) + RIGHT(""PatternKey"", 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""QueryPatterns"" SET ""Key"" = CASE WHEN LEN(""Key"") <= 198 THEN 'q:' + ""Key"" ELSE 'q:' + LEFT(""Key"", 181) + RIGHT(""Key"", 17) END WHERE ""FromApplication"" = 0;");

            // Pattern counts by source, rebuilt from the feedback (days before the oldest stored item,
            // whose raw rows retention removed, keep their counts with an empty source).
            migrationBuilder.Sql(@"DELETE FROM ""PatternDailyAggregates"" WHERE ""Day"" >= (SELECT MIN(CAST(""CreatedAt"" AS date)) FROM ""Feedback"" WHERE ""PatternKey"" IS NOT NULL);");
            migrationBuilder.Sql(@"INSERT INTO ""PatternDailyAggregates"" (""Day"", ""PatternKey"", ""Source"", ""Total"", ""ThumbsUp"", ""ThumbsDown"", ""LowRatings"", ""Corrections"")
                SELECT CAST(""CreatedAt"" AS date), ""PatternKey"", ""Source"", COUNT(*), SUM(CASE WHEN ""Type"" = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN ""Type"" = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN ""Type"" = 4 AND ""Rating"" <= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN ""Type"" = 3 THEN 1 ELSE 0 END)
                FROM ""Feedback"" WHERE ""PatternKey"" IS NOT NULL GROUP BY CAST(""CreatedAt"" AS date), ""PatternKey"", ""Source"";");

            // The issues' counts by day and source, from their members.
            migrationBuilder.Sql(@"INSERT INTO ""IssueDailyAggregates"" (""IssueClusterId"", ""Day"", ""Source"", ""Count"")
                SELECT m.""IssueClusterId"", CAST(f.""CreatedAt"" AS date), f.""Source"", COUNT(*)
                FROM ""IssueClusterMembers"" m JOIN ""Feedback"" f ON f.""Id"" = m.""FeedbackId""
                GROUP BY m.""IssueClusterId"", CAST(f.""CreatedAt"" AS date), f.""Source"";");
            migrationBuilder.Sql(@"UPDATE ""IssueClusters"" SET ""Frequency"" = (SELECT COUNT(*) FROM ""IssueClusterMembers"" m WHERE m.""IssueClusterId"" = ""IssueClusters"".""Id"");");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
