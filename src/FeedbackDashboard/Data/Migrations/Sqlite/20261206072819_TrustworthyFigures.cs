using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrustworthyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_PatternDailyAggregates",
                table: "PatternDailyAggregates");

            migrationBuilder.DropIndex(
                name: "IX_PatternDailyAggregates_Covering",
                table: "PatternDailyAggregates");

            migrationBuilder.AddColumn<double>(
                name: "CurrentNegativeShare",
                table: "ReviewTasks",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "RecentReach",
                table: "ReviewTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Recovering",
                table: "ReviewTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Severity",
                table: "ReviewTasks",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "PatternDailyAggregates",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "AssignThreshold",
                table: "IssueClusters",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<byte[]>(
                name: "Centre",
                table: "IssueClusters",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "CommentEmbedding",
                table: "Feedback",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_PatternDailyAggregates",
                table: "PatternDailyAggregates",
                columns: new[] { "Day", "PatternKey", "Source" });

            migrationBuilder.CreateTable(
                name: "IssueDailyAggregates",
                columns: table => new
                {
                    IssueClusterId = table.Column<long>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueDailyAggregates", x => new { x.IssueClusterId, x.Day, x.Source });
                    table.ForeignKey(
                        name: "FK_IssueDailyAggregates_IssueClusters_IssueClusterId",
                        column: x => x.IssueClusterId,
                        principalTable: "IssueClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IssueRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ItemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ClusteredCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    IssueCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTasks_Severity_Id",
                table: "ReviewTasks",
                columns: new[] { "Severity", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PatternDailyAggregates_Covering",
                table: "PatternDailyAggregates",
                columns: new[] { "Day", "PatternKey", "Source", "ThumbsDown", "Total" });

            migrationBuilder.CreateIndex(
                name: "IX_IssueDailyAggregates_Day_Source_IssueClusterId_Count",
                table: "IssueDailyAggregates",
                columns: new[] { "Day", "Source", "IssueClusterId", "Count" });

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
            migrationBuilder.DropTable(
                name: "IssueDailyAggregates");

            migrationBuilder.DropTable(
                name: "IssueRuns");

            migrationBuilder.DropIndex(
                name: "IX_ReviewTasks_Severity_Id",
                table: "ReviewTasks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PatternDailyAggregates",
                table: "PatternDailyAggregates");

            migrationBuilder.DropIndex(
                name: "IX_PatternDailyAggregates_Covering",
                table: "PatternDailyAggregates");

            migrationBuilder.DropColumn(
                name: "CurrentNegativeShare",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "RecentReach",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "Recovering",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "Severity",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "PatternDailyAggregates");

            migrationBuilder.DropColumn(
                name: "AssignThreshold",
                table: "IssueClusters");

            migrationBuilder.DropColumn(
                name: "Centre",
                table: "IssueClusters");

            migrationBuilder.DropColumn(
                name: "CommentEmbedding",
                table: "Feedback");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PatternDailyAggregates",
                table: "PatternDailyAggregates",
                columns: new[] { "Day", "PatternKey" });

            migrationBuilder.CreateIndex(
                name: "IX_PatternDailyAggregates_Covering",
                table: "PatternDailyAggregates",
                columns: new[] { "Day", "PatternKey", "ThumbsDown", "Total" });
        }
    }
}
