using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringPatternAggregateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_PatternDailyAggregates_Covering",
                table: "PatternDailyAggregates",
                columns: new[] { "Day", "PatternKey", "ThumbsDown", "Total" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PatternDailyAggregates_Covering",
                table: "PatternDailyAggregates");
        }
    }
}
