// Kursus's `Assets/` folder compiled into the binary, so a copied or packaged `kursus`
// works without the source tree. `Assets` in this folder is a symbolic link to the
// repository's `Assets/` (the source of truth); SwiftPM's `.embedInCode` resource rule
// turns each file into a `PackageResources` byte array named after the file's base name.

/// The bytes of every file in `Assets/`, by path relative to that folder
/// (`strings/en.json`). A test checks this table against the folder, file by file, so a
/// file added to `Assets/` without a line here fails the build's tests.
public enum EmbeddedAssets {
    public static let files: [String: [UInt8]] = [
        "portraits/aeldre-kvinde.txt": PackageResources.aeldre_kvinde_txt,
        "portraits/aeldre-mand.txt": PackageResources.aeldre_mand_txt,
        "portraits/kollega.txt": PackageResources.kollega_txt,
        "portraits/paaroerende.txt": PackageResources.paaroerende_txt,
        "portraits/voksen.txt": PackageResources.voksen_txt,
        "schemas/course.schema.json": PackageResources.course_schema_json,
        "schemas/lesson-front-matter.schema.json": PackageResources.lesson_front_matter_schema_json,
        "schemas/progress.schema.json": PackageResources.progress_schema_json,
        "schemas/quiz.schema.json": PackageResources.quiz_schema_json,
        "schemas/report.schema.json": PackageResources.report_schema_json,
        "schemas/scenario.schema.json": PackageResources.scenario_schema_json,
        "strings/da.json": PackageResources.da_json,
        "strings/en.json": PackageResources.en_json,
        "themes/default.json": PackageResources.default_json,
    ]
}
