// Entry point: render the app and ask the browser to keep its data.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { listenForLaunchedFiles } from '../features/exchange/file-launch'
import { requestPersistence } from '../features/settings/storage-status'
import { App } from './app'
import { UpdatePrompt } from './update-prompt'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
createRoot(root).render(
  <StrictMode>
    <App updatePrompt={<UpdatePrompt />} />
  </StrictMode>,
)
void requestPersistence()
listenForLaunchedFiles()
