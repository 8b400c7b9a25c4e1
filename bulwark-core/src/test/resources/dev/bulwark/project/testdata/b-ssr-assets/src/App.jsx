import logo from './assets/logo.svg'
import badge from './assets/badge.svg'
import hero from './assets/hero.png'
import styles from './App.module.css'
import './index.css'

export default function App() {
  return (
    <div className={styles.app}>
      <img src={hero} alt="" />
      <img src={logo} alt="logo" />
      <img src={badge} alt="badge" />
    </div>
  )
}
