using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FeedbackDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IssueClusters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IssueClusters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RepresentativeText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    TrendJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SamplesJson = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueClusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IssueClusterMembers",
                columns: table => new
                {
                    IssueClusterId = table.Column<long>(type: "INTEGER", nullable: false),
                    FeedbackId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueClusterMembers", x => new { x.IssueClusterId, x.FeedbackId });
                    table.ForeignKey(
                        name: "FK_IssueClusterMembers_Feedback_FeedbackId",
                        column: x => x.FeedbackId,
                        principalTable: "Feedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IssueClusterMembers_IssueClusters_IssueClusterId",
                        column: x => x.IssueClusterId,
                        principalTable: "IssueClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IssueClusterMembers_FeedbackId",
                table: "IssueClusterMembers",
                column: "FeedbackId");

            migrationBuilder.CreateIndex(
                name: "IX_IssueClusters_IsCurrent_Frequency",
                table: "IssueClusters",
                columns: new[] { "IsCurrent", "Frequency" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssueClusterMembers");

            migrationBuilder.DropTable(
                name: "IssueClusters");
        }
    }
}
