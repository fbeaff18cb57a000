fn main() {
    std::process::exit(hoso::run(std::env::args_os()));
}
