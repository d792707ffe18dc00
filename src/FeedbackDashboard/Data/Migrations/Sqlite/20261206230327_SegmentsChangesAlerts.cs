using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SegmentsChangesAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AlertRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Metric = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SegmentKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SegmentValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Below = table.Column<double>(type: "REAL", nullable: true),
                    DropBy = table.Column<double>(type: "REAL", nullable: true),
                    WindowItems = table.Column<int>(type: "INTEGER", nullable: true),
                    WindowMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    MinItems = table.Column<int>(type: "INTEGER", nullable: true),
                    Above = table.Column<double>(type: "REAL", nullable: true),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Firing = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastValue = table.Column<double>(type: "REAL", nullable: true),
                    LastEvaluatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PatternKeys = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WholeSource = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    KnowledgeEntryVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    InstructionsVersionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewTaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: true),
                    BeforeTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforePositive = table.Column<int>(type: "INTEGER", nullable: false),
                    BeforeNegative = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterPositive = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterNegative = table.Column<int>(type: "INTEGER", nullable: false),
                    Difference = table.Column<double>(type: "REAL", nullable: true),
                    Low = table.Column<double>(type: "REAL", nullable: true),
                    High = table.Column<double>(type: "REAL", nullable: true),
                    JudgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SegmentDailyAggregates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    ThumbsUp = table.Column<int>(type: "INTEGER", nullable: false),
                    ThumbsDown = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentDailyAggregates", x => new { x.Key, x.Day, x.Value, x.Source });
                });

            migrationBuilder.CreateTable(
                name: "SegmentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Keys = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MaxValues = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RuleId = table.Column<long>(type: "INTEGER", nullable: false),
                    RuleName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertEvents_AlertRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AlertRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_At",
                table: "AlertEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AlertEvents_RuleId",
                table: "AlertEvents",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Changes_JudgedAt_PublishedAt",
                table: "Changes",
                columns: new[] { "JudgedAt", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_PublishedAt",
                table: "Changes",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Changes_ReviewTaskId",
                table: "Changes",
                column: "ReviewTaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlertEvents");

            migrationBuilder.DropTable(
                name: "Changes");

            migrationBuilder.DropTable(
                name: "SegmentDailyAggregates");

            migrationBuilder.DropTable(
                name: "SegmentSettings");

            migrationBuilder.DropTable(
                name: "AlertRules");
        }
    }
}
