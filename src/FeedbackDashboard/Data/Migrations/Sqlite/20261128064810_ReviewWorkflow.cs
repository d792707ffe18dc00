using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "ReviewTasks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "ReviewTasks",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "ReviewTasks");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "ReviewTasks");
        }
    }
}
