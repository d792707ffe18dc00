using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
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
            migrationBuilder.Sql(@"UPDATE ""Interactions"" SET ""PatternKey"" = CASE WHEN length(""PatternKey"") <= 198 THEN 'q:' || ""PatternKey"" ELSE 'q:' || substr(""PatternKey"", 1, 181) || substr(""PatternKey"", length(""PatternKey"") - 16, 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""Feedback"" SET ""PatternKey"" = CASE WHEN length(""PatternKey"") <= 198 THEN 'q:' || ""PatternKey"" ELSE 'q:' || substr(""PatternKey"", 1, 181) || substr(""PatternKey"", length(""PatternKey"") - 16, 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""PatternDailyAggregates"" SET ""PatternKey"" = CASE WHEN length(""PatternKey"") <= 198 THEN 'q:' || ""PatternKey"" ELSE 'q:' || substr(""PatternKey"", 1, 181) || substr(""PatternKey"", length(""PatternKey"") - 16, 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""ReviewTasks"" SET ""PatternKey"" = CASE WHEN length(""PatternKey"") <= 198 THEN 'q:' || ""PatternKey"" ELSE 'q:' || substr(""PatternKey"", 1, 181) || substr(""PatternKey"", length(""PatternKey"") - 16, 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""ReviewTasks"" SET ""ActivePatternKey"" = CASE WHEN length(""ActivePatternKey"") <= 198 THEN 'q:' || ""ActivePatternKey"" ELSE 'q:' || substr(""ActivePatternKey"", 1, 181) || substr(""ActivePatternKey"", length(""ActivePatternKey"") - 16, 17) END WHERE ""ActivePatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""Corrections"" SET ""PatternKey"" = CASE WHEN length(""PatternKey"") <= 198 THEN 'q:' || ""PatternKey"" ELSE 'q:' || substr(""PatternKey"", 1, 181) || substr(""PatternKey"", length(""PatternKey"") - 16, 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""KnowledgeEntries"" SET ""PatternKey"" = CASE WHEN length(""PatternKey"") <= 198 THEN 'q:' || ""PatternKey"" ELSE 'q:' || substr(""PatternKey"", 1, 181) || substr(""PatternKey"", length(""PatternKey"") - 16, 17) END WHERE ""PatternKey"" IN (SELECT ""Key"" FROM ""QueryPatterns"" WHERE ""FromApplication"" = 0);");
            migrationBuilder.Sql(@"UPDATE ""QueryPatterns"" SET ""Key"" = CASE WHEN length(""Key"") <= 198 THEN 'q:' || ""Key"" ELSE 'q:' || substr(""Key"", 1, 181) || substr(""Key"", length(""Key"") - 16, 17) END WHERE ""FromApplication"" = 0;");

            // Pattern counts by source, rebuilt from the feedback (days before the oldest stored item,
            // whose raw rows retention removed, keep their counts with an empty source).
            migrationBuilder.Sql(@"DELETE FROM ""PatternDailyAggregates"" WHERE ""Day"" >= (SELECT MIN(date('0001-01-01', '+' || ((""CreatedAt"" >> 11) / 864000000) || ' days')) FROM ""Feedback"" WHERE ""PatternKey"" IS NOT NULL);");
            migrationBuilder.Sql(@"INSERT INTO ""PatternDailyAggregates"" (""Day"", ""PatternKey"", ""Source"", ""Total"", ""ThumbsUp"", ""ThumbsDown"", ""LowRatings"", ""Corrections"")
                SELECT date('0001-01-01', '+' || ((""CreatedAt"" >> 11) / 864000000) || ' days'), ""PatternKey"", ""Source"", COUNT(*), SUM(CASE WHEN ""Type"" = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN ""Type"" = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN ""Type"" = 4 AND ""Rating"" <= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN ""Type"" = 3 THEN 1 ELSE 0 END)
                FROM ""Feedback"" WHERE ""PatternKey"" IS NOT NULL GROUP BY date('0001-01-01', '+' || ((""CreatedAt"" >> 11) / 864000000) || ' days'), ""PatternKey"", ""Source"";");

            // The issues' counts by day and source, from their members.
            migrationBuilder.Sql(@"INSERT INTO ""IssueDailyAggregates"" (""IssueClusterId"", ""Day"", ""Source"", ""Count"")
                SELECT m.""IssueClusterId"", date('0001-01-01', '+' || ((f.""CreatedAt"" >> 11) / 864000000) || ' days'), f.""Source"", COUNT(*)
                FROM ""IssueClusterMembers"" m JOIN ""Feedback"" f ON f.""Id"" = m.""FeedbackId""
                GROUP BY m.""IssueClusterId"", date('0001-01-01', '+' || ((f.""CreatedAt"" >> 11) / 864000000) || ' days'), f.""Source"";");
            migrationBuilder.Sql(@"UPDATE ""IssueClusters"" SET ""Frequency"" = (SELECT COUNT(*) FROM ""IssueClusterMembers"" m WHERE m.""IssueClusterId"" = ""IssueClusters"".""Id"");");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
