fn main() -> std::process::ExitCode {
    jiaxiao::cli::main()
}
