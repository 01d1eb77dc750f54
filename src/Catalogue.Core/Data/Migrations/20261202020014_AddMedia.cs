using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddMedia : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MediaImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ByteLength = table.Column<long>(type: "INTEGER", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Orientation = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Camera = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Photographer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Copyright = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaImages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MediaLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MediaImageId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ArtifactId = table.Column<int>(type: "INTEGER", nullable: true),
                    FindId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConditionReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    TreatmentStepId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    AttachedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AttachedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediaLinks", x => x.Id);
                    table.CheckConstraint("CK_MediaLinks_OneOwner", "(CASE WHEN ArtifactId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN FindId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN ConditionReportId IS NULL THEN 0 ELSE 1 END) + (CASE WHEN TreatmentStepId IS NULL THEN 0 ELSE 1 END) = 1");
                    table.ForeignKey(
                        name: "FK_MediaLinks_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaLinks_ConditionReports_ConditionReportId",
                        column: x => x.ConditionReportId,
                        principalTable: "ConditionReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaLinks_Finds_FindId",
                        column: x => x.FindId,
                        principalTable: "Finds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaLinks_MediaImages_MediaImageId",
                        column: x => x.MediaImageId,
                        principalTable: "MediaImages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MediaLinks_TreatmentStep_TreatmentStepId",
                        column: x => x.TreatmentStepId,
                        principalTable: "TreatmentStep",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MediaImages_Sha256",
                table: "MediaImages",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediaLinks_ArtifactId",
                table: "MediaLinks",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaLinks_ConditionReportId",
                table: "MediaLinks",
                column: "ConditionReportId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaLinks_FindId",
                table: "MediaLinks",
                column: "FindId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaLinks_MediaImageId",
                table: "MediaLinks",
                column: "MediaImageId");

            migrationBuilder.CreateIndex(
                name: "IX_MediaLinks_OwnerKind_OwnerKey",
                table: "MediaLinks",
                columns: new[] { "OwnerKind", "OwnerKey" });

            migrationBuilder.CreateIndex(
                name: "IX_MediaLinks_TreatmentStepId",
                table: "MediaLinks",
                column: "TreatmentStepId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MediaLinks");

            migrationBuilder.DropTable(
                name: "MediaImages");
        }
    }
}
