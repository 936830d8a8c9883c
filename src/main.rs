fn main() -> std::process::ExitCode {
    kgextract::cli::run()
}
