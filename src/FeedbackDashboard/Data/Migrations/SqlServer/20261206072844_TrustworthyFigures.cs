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
