using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Catalogue.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocationsExhibitionsLoans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LoanId",
                table: "ConditionReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Exhibitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Description_En = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Fr = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description_Vi = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title_Vi = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exhibitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Locations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Locations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Locations_Locations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExhibitionObject",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExhibitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Label_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Label_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Label_Vi = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExhibitionObject", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExhibitionObject_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExhibitionObject_Exhibitions_ExhibitionId",
                        column: x => x.ExhibitionId,
                        principalTable: "Exhibitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExhibitionVenue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExhibitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExhibitionVenue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExhibitionVenue_Exhibitions_ExhibitionId",
                        column: x => x.ExhibitionId,
                        principalTable: "Exhibitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Loans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AgreementFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgreementTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Courier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExhibitionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DispatchedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Loans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Loans_Exhibitions_ExhibitionId",
                        column: x => x.ExhibitionId,
                        principalTable: "Exhibitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InventoryChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    LocationCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InventoryChecks_Locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LoanObject",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LoanId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactId = table.Column<int>(type: "INTEGER", nullable: false),
                    InsuranceValue = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoanObject", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LoanObject_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LoanObject_Loans_LoanId",
                        column: x => x.LoanId,
                        principalTable: "Loans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Movements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArtifactId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactAccessionNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromLocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToLocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    LoanId = table.Column<int>(type: "INTEGER", nullable: true),
                    MovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Batch = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Movements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Movements_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Movements_Loans_LoanId",
                        column: x => x.LoanId,
                        principalTable: "Loans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Movements_Locations_FromLocationId",
                        column: x => x.FromLocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Movements_Locations_ToLocationId",
                        column: x => x.ToLocationId,
                        principalTable: "Locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InventoryItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArtifactId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessionNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InventoryItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InventoryItem_Artifacts_ArtifactId",
                        column: x => x.ArtifactId,
                        principalTable: "Artifacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InventoryItem_InventoryChecks_CheckId",
                        column: x => x.CheckId,
                        principalTable: "InventoryChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConditionReports_LoanId",
                table: "ConditionReports",
                column: "LoanId");

            migrationBuilder.CreateIndex(
                name: "IX_ExhibitionObject_ArtifactId",
                table: "ExhibitionObject",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_ExhibitionObject_ExhibitionId_ArtifactId",
                table: "ExhibitionObject",
                columns: new[] { "ExhibitionId", "ArtifactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exhibitions_Code",
                table: "Exhibitions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExhibitionVenue_ExhibitionId",
                table: "ExhibitionVenue",
                column: "ExhibitionId");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryChecks_LocationId",
                table: "InventoryChecks",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryItem_ArtifactId",
                table: "InventoryItem",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_InventoryItem_CheckId",
                table: "InventoryItem",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_LoanObject_ArtifactId",
                table: "LoanObject",
                column: "ArtifactId");

            migrationBuilder.CreateIndex(
                name: "IX_LoanObject_LoanId_ArtifactId",
                table: "LoanObject",
                columns: new[] { "LoanId", "ArtifactId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Loans_ExhibitionId",
                table: "Loans",
                column: "ExhibitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Loans_Reference",
                table: "Loans",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Locations_Code",
                table: "Locations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Locations_ParentId",
                table: "Locations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_ArtifactId_MovedAt",
                table: "Movements",
                columns: new[] { "ArtifactId", "MovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Movements_FromLocationId",
                table: "Movements",
                column: "FromLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_LoanId",
                table: "Movements",
                column: "LoanId");

            migrationBuilder.CreateIndex(
                name: "IX_Movements_ToLocationId",
                table: "Movements",
                column: "ToLocationId");

            migrationBuilder.AddForeignKey(
                name: "FK_ConditionReports_Loans_LoanId",
                table: "ConditionReports",
                column: "LoanId",
                principalTable: "Loans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConditionReports_Loans_LoanId",
                table: "ConditionReports");

            migrationBuilder.DropTable(
                name: "ExhibitionObject");

            migrationBuilder.DropTable(
                name: "ExhibitionVenue");

            migrationBuilder.DropTable(
                name: "InventoryItem");

            migrationBuilder.DropTable(
                name: "LoanObject");

            migrationBuilder.DropTable(
                name: "Movements");

            migrationBuilder.DropTable(
                name: "InventoryChecks");

            migrationBuilder.DropTable(
                name: "Loans");

            migrationBuilder.DropTable(
                name: "Locations");

            migrationBuilder.DropTable(
                name: "Exhibitions");

            migrationBuilder.DropIndex(
                name: "IX_ConditionReports_LoanId",
                table: "ConditionReports");

            migrationBuilder.DropColumn(
                name: "LoanId",
                table: "ConditionReports");
        }
    }
}
