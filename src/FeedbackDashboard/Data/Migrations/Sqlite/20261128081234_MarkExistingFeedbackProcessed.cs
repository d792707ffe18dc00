using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarkExistingFeedbackProcessed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Feedback stored before the pipeline existed had its triggers checked on ingest: it is not pending.
            // Its own migration, because SQLite rebuilds the table in the one before (EF warns of SQL beside a rebuild).
            migrationBuilder.Sql("UPDATE \"Feedback\" SET \"ProcessedAt\" = \"CreatedAt\" WHERE \"ProcessedAt\" IS NULL;");
            // A pattern the application named (some interaction sent its key) is joined by that key only.
            migrationBuilder.Sql("UPDATE \"QueryPatterns\" SET \"FromApplication\" = 1 WHERE \"Key\" IN (SELECT \"PatternKey\" FROM \"Interactions\" WHERE \"RequestedPattern\" IS NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the previous migration's Down drops the column.
        }
    }
}
