using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Metric = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Pattern = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SegmentKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SegmentValue = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Below = table.Column<double>(type: "float", nullable: true),
                    DropBy = table.Column<double>(type: "float", nullable: true),
                    WindowItems = table.Column<int>(type: "int", nullable: true),
                    WindowMinutes = table.Column<int>(type: "int", nullable: true),
                    MinItems = table.Column<int>(type: "int", nullable: true),
                    Above = table.Column<double>(type: "float", nullable: true),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    Firing = table.Column<bool>(type: "bit", nullable: false),
                    LastValue = table.Column<double>(type: "float", nullable: true),
                    LastEvaluatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FiredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PatternKeys = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    WholeSource = table.Column<bool>(type: "bit", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    KnowledgeEntryVersionId = table.Column<long>(type: "bigint", nullable: true),
                    InstructionsVersionId = table.Column<long>(type: "bigint", nullable: true),
                    ReviewTaskId = table.Column<long>(type: "bigint", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Verdict = table.Column<int>(type: "int", nullable: true),
                    BeforeTotal = table.Column<int>(type: "int", nullable: false),
                    BeforePositive = table.Column<int>(type: "int", nullable: false),
                    BeforeNegative = table.Column<int>(type: "int", nullable: false),
                    AfterTotal = table.Column<int>(type: "int", nullable: false),
                    AfterPositive = table.Column<int>(type: "int", nullable: false),
                    AfterNegative = table.Column<int>(type: "int", nullable: false),
                    Difference = table.Column<double>(type: "float", nullable: true),
                    Low = table.Column<double>(type: "float", nullable: true),
                    High = table.Column<double>(type: "float", nullable: true),
                    JudgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SegmentDailyAggregates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Total = table.Column<int>(type: "int", nullable: false),
                    ThumbsUp = table.Column<int>(type: "int", nullable: false),
                    ThumbsDown = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentDailyAggregates", x => new { x.Key, x.Day, x.Value, x.Source });
                });

            migrationBuilder.CreateTable(
                name: "SegmentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Keys = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    MaxValues = table.Column<int>(type: "int", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SegmentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlertEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RuleId = table.Column<long>(type: "bigint", nullable: false),
                    RuleName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Value = table.Column<double>(type: "float", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
