using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddTreatmentReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitingRevision",
                table: "Treatments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "TreatmentReview",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentReview", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentReview_Treatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "Treatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentReview_TreatmentId",
                table: "TreatmentReview",
                column: "TreatmentId");

            // The approvals recorded before reviews had a list of their own are its first entries.
            migrationBuilder.Sql(
                "INSERT INTO TreatmentReview (TreatmentId, Decision, ReviewedBy, \"On\", Comment) " +
                "SELECT Id, 'Approved', ApprovedBy, ApprovedOn, NULL FROM Treatments WHERE ApprovedBy IS NOT NULL AND ApprovedOn IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TreatmentReview");

            migrationBuilder.DropColumn(
                name: "AwaitingRevision",
                table: "Treatments");
        }
    }
}
