// `@tencentcloud/chat` declares only its UMD `main` (index.js, 725 KB); its ES build (index.es.js, 475 KB)
// has the same default export. Apps and stories import the ES build, so give it the same types.
declare module '@tencentcloud/chat/index.es.js' {
  import TencentCloudChat from '@tencentcloud/chat';

  export * from '@tencentcloud/chat';
  export default TencentCloudChat;
}
