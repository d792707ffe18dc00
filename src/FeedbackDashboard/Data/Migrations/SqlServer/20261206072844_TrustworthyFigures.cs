using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.SqlServer
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
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "RecentReach",
                table: "ReviewTasks",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Recovering",
                table: "ReviewTasks",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Severity",
                table: "ReviewTasks",
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "PatternDailyAggregates",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "AssignThreshold",
                table: "IssueClusters",
                type: "float",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<byte[]>(
                name: "Centre",
                table: "IssueClusters",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "CommentEmbedding",
                table: "Feedback",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_PatternDailyAggregates",
                table: "PatternDailyAggregates",
                columns: new[] { "Day", "PatternKey", "Source" });

            migrationBuilder.CreateTable(
                name: "IssueDailyAggregates",
                columns: table => new
                {
                    IssueClusterId = table.Column<long>(type: "bigint", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ItemCount = table.Column<int>(type: "int", nullable: false),
                    ClusteredCount = table.Column<int>(type: "int", nullable: false),
                    AssignedCount = table.Column<int>(type: "int", nullable: false),
                    IssueCount = table.Column<int>(type: "int", nullable: false)
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
