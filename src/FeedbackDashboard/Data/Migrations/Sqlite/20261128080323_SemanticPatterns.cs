using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SemanticPatterns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Embedding",
                table: "QueryPatterns",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FromApplication",
                table: "QueryPatterns",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<string>(
                name: "PatternKey",
                table: "Interactions",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<byte[]>(
                name: "QueryEmbedding",
                table: "Interactions",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PatternKey",
                table: "Feedback",
                type: "TEXT",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<long>(
                name: "ProcessedAt",
                table: "Feedback",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_QueryPatterns_CreatedAt",
                table: "QueryPatterns",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Pending",
                table: "Feedback",
                column: "ProcessedAt",
                filter: "\"ProcessedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QueryPatterns_CreatedAt",
                table: "QueryPatterns");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_Pending",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "Embedding",
                table: "QueryPatterns");

            migrationBuilder.DropColumn(
                name: "FromApplication",
                table: "QueryPatterns");

            migrationBuilder.DropColumn(
                name: "QueryEmbedding",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "ProcessedAt",
                table: "Feedback");

            migrationBuilder.AlterColumn<string>(
                name: "PatternKey",
                table: "Interactions",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PatternKey",
                table: "Feedback",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 200,
                oldNullable: true);
        }
    }
}
