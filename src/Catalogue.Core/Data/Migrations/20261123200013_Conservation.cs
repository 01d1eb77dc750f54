using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Conservation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConditionReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ArtifactId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExaminedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Examiner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Overall = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Hazards = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextCheckDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConditionReports_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Treatments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ArtifactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SignedOffBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedOffOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Conservators = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConditionBefore = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConditionAfter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Treatments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Treatments_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConditionObservation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    DamageTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionObservation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConditionObservation_ConditionReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ConditionReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConditionObservation_Terms_DamageTypeId",
                        column: x => x.DamageTypeId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentAmendment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentAmendment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentAmendment_Treatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "Treatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentStep",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    StepTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PerformedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PerformedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MinutesSpent = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MaterialsText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentStep", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentStep_Terms_StepTypeId",
                        column: x => x.StepTypeId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TreatmentStep_Treatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "Treatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentMaterials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Concentration = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Solvent = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Batch = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    StepId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentMaterials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentMaterials_TreatmentStep_StepId",
                        column: x => x.StepId,
                        principalTable: "TreatmentStep",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConditionObservation_DamageTypeId",
                table: "ConditionObservation",
                column: "DamageTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ConditionObservation_ReportId",
                table: "ConditionObservation",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ConditionReports_ArtifactId_ExaminedOn",
                table: "ConditionReports",
                columns: new[] { "ArtifactId", "ExaminedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ConditionReports_NextCheckDue",
                table: "ConditionReports",
                column: "NextCheckDue");

            migrationBuilder.CreateIndex(
                name: "IX_ConditionReports_Reference",
                table: "ConditionReports",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentAmendment_TreatmentId",
                table: "TreatmentAmendment",
                column: "TreatmentId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentMaterials_StepId",
                table: "TreatmentMaterials",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_Treatments_ArtifactId",
                table: "Treatments",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_Treatments_Reference",
                table: "Treatments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Treatments_Status",
                table: "Treatments",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentStep_StepTypeId",
                table: "TreatmentStep",
                column: "StepTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentStep_TreatmentId",
                table: "TreatmentStep",
                column: "TreatmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConditionObservation");

            migrationBuilder.DropTable(
                name: "TreatmentAmendment");

            migrationBuilder.DropTable(
                name: "TreatmentMaterials");

            migrationBuilder.DropTable(
                name: "ConditionReports");

            migrationBuilder.DropTable(
                name: "TreatmentStep");

            migrationBuilder.DropTable(
                name: "Treatments");
        }
    }
}
