/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  images: { remotePatterns: [{ protocol: "https", hostname: "images.example.invalid" }] },
  async rewrites() {
    return [{ source: "/api/proxy/:path*", destination: `${process.env.API_URL}/:path*` }];
  },
};
module.exports = nextConfig;
