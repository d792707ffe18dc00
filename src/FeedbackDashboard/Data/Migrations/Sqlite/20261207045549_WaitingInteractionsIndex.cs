using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WaitingInteractionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_PatternKey",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_PatternKey_CreatedAt",
                table: "Interactions",
                columns: new[] { "PatternKey", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interactions_PatternKey_CreatedAt",
                table: "Interactions");

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_PatternKey",
                table: "Interactions",
                column: "PatternKey");
        }
    }
}
